/**
 * The B_http server: a NestJS app on the same HTTP stack as the services (Express, the
 * service logger, correlation ids, helmet, the 64 kB body parser, the global validation pipe
 * and error filter) whose one endpoint validates an order body like `POST /orders` and does
 * nothing else. Started as a child process by the benchmark (PORT from the environment).
 */
import 'reflect-metadata';
import {
  Body,
  Controller,
  HttpCode,
  Module,
  PipeTransform,
  ArgumentMetadata,
  Post,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { PlaceOrderDto } from '../../../../apps/ordering/src/orders/commands/place-order/dto/place-order.dto';
import {
  correlationIdMiddleware,
  createValidationPipe,
  DomainErrorFilter,
  serviceLoggerModule,
  useLimitedBodyParsers,
} from '../../../../libs/service-kit/src';

/** tsx (esbuild) emits no parameter types, so the DTO class is named here for the pipe. */
class PlaceOrderValidation implements PipeTransform {
  private readonly pipe = createValidationPipe();
  transform(value: unknown, metadata: ArgumentMetadata) {
    return this.pipe.transform(value, { ...metadata, metatype: PlaceOrderDto });
  }
}

@Controller('noop')
class NoopController {
  @Post('orders')
  @HttpCode(201)
  accept(@Body(new PlaceOrderValidation()) body: PlaceOrderDto) {
    return { accepted: true, serial: body.serial, rows: body.rows.length };
  }
}

@Module({ imports: [serviceLoggerModule('ordering')], controllers: [NoopController] })
class NoopModule {}

async function main() {
  const app = await NestFactory.create(NoopModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(correlationIdMiddleware);
  app.use(helmet());
  useLimitedBodyParsers(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  await app.listen(Number(process.env.PORT ?? 3099), '127.0.0.1');
  process.send?.('ready');
}

void main();
