/** Opens the store once when the server process starts, so a locked or too-new database stops it at once. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { openServerStore } = await import('@/lib/server/open-server-store');
  await openServerStore();
}
