/** The ninjs 2.2 validator wire ingest uses, for the tests that check what Dateline sends out. */
export { ninjsProblems, validateNinjs } from '@/lib/standards/ninjs-schema';
