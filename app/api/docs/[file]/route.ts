import { readFile } from "node:fs/promises";
import path from "node:path";
import { API_DOCS_ASSETS, API_DOCS_START } from "@/lib/api/api-docs-page";

// swagger-ui-dist is a dependency: its files are read from node_modules, where `npm install` put them.
const DIST = path.join(process.cwd(), "node_modules", "swagger-ui-dist");
const CACHE = { "Cache-Control": "public, max-age=86400" };

// Read once per process: the files only change with an install, which restarts the server.
const read = new Map<string, Promise<Buffer>>();
function assetBytes(file: string): Promise<Buffer> {
  let bytes = read.get(file);
  if (!bytes) {
    bytes = readFile(path.join(DIST, file));
    read.set(file, bytes);
  }
  return bytes;
}

/** GET /api/docs/{file}: Swagger UI's stylesheet and script, and the script that starts it. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file === "start.js") return new Response(API_DOCS_START, { headers: { "Content-Type": "text/javascript; charset=utf-8", ...CACHE } });
  if (!Object.hasOwn(API_DOCS_ASSETS, file)) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const asset = API_DOCS_ASSETS[file as keyof typeof API_DOCS_ASSETS];
  return new Response(new Uint8Array(await assetBytes(asset.file)), { headers: { "Content-Type": asset.type, ...CACHE } });
}
