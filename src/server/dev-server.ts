// `npm run dev` runs this under `tsx watch`: the API on PORT (3000); Vite serves the SPA on 5173.
import { runServerProcess } from './main.js';

await runServerProcess();
