// A real IndexedDB implementation for the repository tests, in Node.
import 'fake-indexeddb/auto';
