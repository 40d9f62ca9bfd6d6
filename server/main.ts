// `npm run server`: the TAM Desk sync server and its admin commands (see cli.ts).
import { main } from './cli';

process.exitCode = await main(process.argv.slice(2));
