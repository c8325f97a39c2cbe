// For a test's negative assertion to mean something, the page must have had every answer it was given.
/**
 * Resolves once every answer the pretend backend has already given has reached the page: the mock IPC, the
 * page's handlers of its answers and Svelte's updates of the page all run as microtasks, and every
 * microtask runs before the next task. Not a wait for time to pass: nothing slower comes after it.
 */
export function settled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
