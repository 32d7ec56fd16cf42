import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Which email an outcome is about: the part EmailSent and EmailFailed share. */
export class EmailDelivery {
  /** The notifications service's id of this email: `<template>:<causing eventId>[:<userId>]` (order emails add the recipient). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  messageId: string;

  /** Template name, e.g. `registration-received`. */
  @IsString()
  @IsNotEmpty()
  template: string;

  @IsEmail()
  to: string;

  /** The event that caused this email. */
  @IsString()
  @IsNotEmpty()
  causationEventId: string;
}
