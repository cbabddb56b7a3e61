/**
 * A supertest parser that keeps a download's bytes (`.buffer(true).parse(binaryBody)`): the body is
 * a Buffer, or the parsed JSON when the answer is an error in JSON.
 */
export function binaryBody(
  res: { headers: Record<string, string | string[] | undefined>; on(event: string, cb: (chunk?: Buffer) => void): void },
  cb: (err: Error | null, body: unknown) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => {
    const body = Buffer.concat(chunks);
    cb(null, String(res.headers['content-type'] ?? '').includes('json') ? JSON.parse(body.toString('utf8')) : body);
  });
}
