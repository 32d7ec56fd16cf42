import { Body, Controller, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsString } from 'class-validator';
import { createValidationPipe } from '../validation/validation.pipe';
import { useLimitedBodyParsers } from './body-parsing';
import { correlationIdMiddleware } from './correlation-id.middleware';

class EchoDto {
  @IsString()
  text: string;
}

@Controller('echo')
class EchoController {
  @Post()
  echo(@Body() body: EchoDto) {
    return { length: body.text.length };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/** A small Nest app over real HTTP, set up the way bootstrapService sets up every service. */
describe('request bodies of every service', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(EchoModule, { bodyParser: false, logger: false });
    app.use(correlationIdMiddleware);
    useLimitedBodyParsers(app);
    app.useGlobalPipes(createValidationPipe());
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/echo`;
  });

  afterAll(() => app.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('accepts a JSON body up to 64 kB', async () => {
    const response = await post(JSON.stringify({ text: 'a'.repeat(60 * 1024) }));
    expect(response.status).toBe(201);
  });

  it('refuses a larger one with 413 in the shared error shape, with the correlation id', async () => {
    const response = await post(JSON.stringify({ text: 'a'.repeat(100 * 1024) }), {
      'x-correlation-id': 'big-1',
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('x-correlation-id')).toBe('big-1');
    expect(await response.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body is larger than 64 kB',
    });
  });

  it('caps form bodies the same way', async () => {
    const response = await post(`text=${'a'.repeat(100 * 1024)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(413);
  });

  it('answers malformed JSON with 400 saying so', async () => {
    const response = await post('{"text": ');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { statusCode: number; error: string; message: string };
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(body.message).toMatch(/^malformed JSON body: /);
  });

  it('refuses deeply nested JSON with 400 and keeps answering', async () => {
    const depth = 5000;
    const deep = `{"text":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const response = await post(deep);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      message: expect.stringMatching(/nested deeper/),
    });
    expect((await post(`{"text":${'['.repeat(depth)}${']'.repeat(depth)}}`)).status).toBe(400);
    expect((await post('{"text":"still here"}')).status).toBe(201);
  });

  it('still refuses unknown properties through the validation pipe', async () => {
    const response = await post(JSON.stringify({ text: 'x', admin: true }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
      { field: 'admin', reason: 'property admin should not exist' },
    ]);
  });
});
