/** Seeds the demo newsroom into an empty database, printing the demo passwords once. */
import { bootstrapOrExit } from '@/server/bootstrap';

void bootstrapOrExit();
