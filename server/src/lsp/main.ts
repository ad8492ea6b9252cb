import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FramingGuard } from './framingGuard';
import { startServer } from './server';

if (process.argv.includes('--stdio')) {
  // Framing is lost for good after a bad header: exit with 1 so the editor restarts the server.
  const input = process.stdin.pipe(
    new FramingGuard((reason) => {
      process.stderr.write(`foi: the message framing on stdin was lost (${reason}); exiting so the editor can restart the server.\n`);
      process.exit(1);
    }),
  );
  startServer(createConnection(ProposedFeatures.all, input, process.stdout));
} else {
  startServer();
}
