import { HttpStatus } from '@nestjs/common';

/** A rule of the domain that the request broke; the filter maps `status` and shows `message` (Vietnamese). */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: HttpStatus = HttpStatus.BAD_REQUEST,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
