import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@metered/service-kit';
import { ChangeSettingsDto } from './settings.dto';

const body: ArgumentMetadata = { type: 'body', metatype: ChangeSettingsDto };
const ACCOUNT = 'b0d4d88b-2ccf-2c45-bd85-ba5442939d4d';

async function problemsOf(value: unknown): Promise<unknown[]> {
  try {
    await createValidationPipe().transform(value, body);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { errors: unknown[] }).errors;
  }
  return [];
}

describe('ChangeSettingsDto', () => {
  it('lets every field be left out (unchanged)', async () => {
    expect(await problemsOf({ accountId: ACCOUNT })).toEqual([]);
    expect(await problemsOf({})).toEqual([]);
  });

  // Fuzzing found a 500: with @IsOptional() a null skipped the validators, the service took it
  // as the new value and the ReplenishmentSettingsChanged payload check threw.
  it.each(['autoReplenishment', 'silentAfterDays', 'lowLevelPercent', 'safetyDays', 'accountId'])(
    'refuses %s: null with a 400 naming the field',
    async (field) => {
      const problems = await problemsOf({ accountId: ACCOUNT, [field]: null });
      expect(problems).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]) as unknown,
      );
    },
  );
});
