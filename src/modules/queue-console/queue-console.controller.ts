import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from 'src/core/http/api-errors';
import { AuthUser, CurrentUser, Roles } from 'src/modules/auth/auth.decorators';
import { UserRole } from 'src/modules/users/user-role.enum';
import { QueueConsoleService } from './queue-console.service';

class QueueConsoleLinkDto {
  @ApiProperty({ example: 'http://127.0.0.1:3000/api/queues?ticket=eyJ…' }) url!: string;
  @ApiProperty({ example: 60 }) expiresInSeconds!: number;
}

@ApiTags('operations')
@ApiBearerAuth()
@Controller('queue-console')
export class QueueConsoleController {
  constructor(private readonly console: QueueConsoleService) {}

  @Post('link')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary: 'A one-minute link to the queue console (Bull Board), admins only',
    description: 'Opening it in the browser starts a 30-minute console session (HttpOnly cookie scoped to /api/queues).',
  })
  @ApiOkResponse({ type: QueueConsoleLinkDto })
  @ApiErrors(401, 403)
  link(@CurrentUser() user: AuthUser): Promise<QueueConsoleLinkDto> {
    return this.console.link(user);
  }
}
