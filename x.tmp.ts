import { startArticleWorld } from './bot/reader/article/testdata/world';
const w = await startArticleWorld();
console.log(w.url);
setTimeout(() => w.close(), 60_000);
