/** Opens the store once when the server process starts, so a locked or too-new database stops it at once. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { openServerStore } = await import('@/lib/server/open-server-store');
  await openServerStore();
  // Off the start-up path: the run page lays small graphs out on the server (lib/server/run-layout.ts).
  setTimeout(() => void import('@/lib/server/run-layout').then((m) => m.warmRunLayout()).catch(() => undefined), 1_000);
}
