import { PartialType } from '@nestjs/swagger';
import { CreateAgencyDto } from './create-agency.dto';

/** Every field optional; `null` only where the column is nullable (validFrom, validTo, successorId). */
export class UpdateAgencyDto extends PartialType(CreateAgencyDto, { skipNullProperties: false }) {}
