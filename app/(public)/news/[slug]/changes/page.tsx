import { ChangesPage, generateChangesMetadata } from '@/server/story-changes/changes-page';

// Rendered per request, like the corrections page: the public cache in front keeps it until the story changes.
export const dynamic = 'force-dynamic';
export const generateMetadata = generateChangesMetadata;
export default ChangesPage;
