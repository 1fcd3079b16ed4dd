// How node runs the language server. Node's default heap limit on a large machine is several GB, and
// V8 sizes the heap to it: after opening 2,000 files the server's live heap is ~50 MB, but RSS sat at
// ~310 MB. A 512 MB old space (7x the live heap at that load) and 4 MB semi-spaces keep RSS near
// 170 MB with no measurable slowdown (bench/editor.mjs). The VS Code client and the benchmark both
// start the server with these; other editors can pass them to node too (README).
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=512', '--max-semi-space-size=4'];
