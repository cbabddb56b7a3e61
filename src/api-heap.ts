// main.ts imports this first: V8 computes the heap's next limit when it collects, and loading the
// modules that follow already runs full collections, so the factor is set before any of them.
import { API_HEAP_GROWING_PERCENT, limitHeapGrowth } from './core/heap-growth';

limitHeapGrowth(API_HEAP_GROWING_PERCENT);
