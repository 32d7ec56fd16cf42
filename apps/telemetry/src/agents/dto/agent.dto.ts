import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateAgentDto {
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'Head office DCA' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff only: the account the agent reports for',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class AgentAccountQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff: the account (required); customers: their own',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class AgentDto {
  @ApiProperty() agentId: string;
  @ApiProperty() accountId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastSeenAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;
}

export class CreatedAgentDto extends AgentDto {
  @ApiProperty({
    description:
      'The credential the agent sends as `Authorization: Agent <credential>`. Shown only ' +
      'now: only a hash of it is stored.',
    example: 'mdca_4b0c7a52-5d7e-4a43-9a57-0c1f3f1f2a10_<64 hex digits>',
  })
  credential: string;
}

export class AgentListDto {
  @ApiProperty({ type: [AgentDto] }) items: AgentDto[];
}
