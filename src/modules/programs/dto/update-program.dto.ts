import { PartialType } from '@nestjs/swagger';
import { CreateProgramDto } from './create-program.dto';

/** Every field optional; `null` only for periodNumber, issuingDocument and issuedAt. */
export class UpdateProgramDto extends PartialType(CreateProgramDto, { skipNullProperties: false }) {}
