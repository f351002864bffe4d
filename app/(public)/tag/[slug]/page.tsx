import { listPageRoute } from '@/server/public/list-route';

const route = listPageRoute('tag');

// Rendered per request, like the front page: the public cache in front keeps it until a story in it changes.
export const dynamic = 'force-dynamic';
export const generateMetadata = route.generateMetadata;
export default route.Page;
