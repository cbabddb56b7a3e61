import { ApiProperty } from '@nestjs/swagger';

/** GET/POST /api/agencies/:id/calendar-token: where the agency's deadline calendar is published. */
export class CalendarFeedTokenDto {
  @ApiProperty({ example: 5 }) agencyId!: number;
  @ApiProperty({ example: 'Sở Tài chính' }) agencyName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'q4Zc9Y0m8r1pD2JvX7kT3bQeW6nL5sA0fH8uR2iE1oM', description: 'Null until one is issued' })
  token!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/calendar/q4Zc9Y0m8r1pD2JvX7kT3bQeW6nL5sA0fH8uR2iE1oM.ics' })
  path!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'http://127.0.0.1:3000/calendar/q4Zc9Y0m8r1pD2JvX7kT3bQeW6nL5sA0fH8uR2iE1oM.ics', description: 'path on APP_URL' })
  url!: string | null;
}
