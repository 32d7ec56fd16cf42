import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { SigningKeysService } from './signing-keys.service';

class JwkResponse {
  @ApiProperty({ example: 'RSA' }) kty: string;
  @ApiProperty({ description: 'modulus, base64url' }) n: string;
  @ApiProperty({ example: 'AQAB' }) e: string;
  @ApiProperty({ description: 'key id, the RFC 7638 thumbprint' }) kid: string;
  @ApiProperty({ example: 'RS256' }) alg: string;
  @ApiProperty({ example: 'sig' }) use: string;
}

class JwksResponse {
  @ApiProperty({ type: [JwkResponse] }) keys: JwkResponse[];
}

@ApiTags('auth')
@Controller('auth')
export class JwksController {
  constructor(private readonly keys: SigningKeysService) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys that verify access tokens (RS256)' })
  @ApiOkResponse({ type: JwksResponse })
  jwks(): JwksResponse {
    return this.keys.jwks();
  }
}
