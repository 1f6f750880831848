/**
 * `npm run classify -- "…" | head -1`: when the reader of our output goes away, writing to
 * stdout fails with EPIPE. That is not an error of ours: end quietly, as Unix tools do, instead
 * of an unhandled 'error' event with a stack trace. Other stdout errors still surface.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout, exit: (code: number) => void = process.exit): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit(0);
    else throw err;
  });
}
