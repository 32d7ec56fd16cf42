import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersEvents } from './dead-letters.events';
import { DeadLettersService } from './dead-letters.service';
import {
  DEAD_LETTER_MODEL,
  DEAD_LETTERS_COLLECTION,
  DeadLetterSchema,
} from './persistence/dead-letter.schema';
import { DeadLettersRepository } from './persistence/dead-letters.repository';
import { ReplayPublisher } from './replay-publisher';

/** Every service's dead-letter topic into `dead_letters`; listing and replay. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DEAD_LETTER_MODEL, schema: DeadLetterSchema, collection: DEAD_LETTERS_COLLECTION },
    ]),
  ],
  controllers: [DeadLettersController, DeadLettersEvents],
  providers: [DeadLettersRepository, ReplayPublisher, DeadLettersService],
  exports: [DeadLettersService],
})
export class DeadLettersModule {}
