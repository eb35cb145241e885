import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

let t = Date.now();
const db = await PGlite.create({ extensions: { pg_trgm, unaccent } });
console.log('create', Date.now() - t);
t = Date.now();
await db.exec('create extension pg_trgm; create extension unaccent;');
console.log('ext', Date.now() - t);
t = Date.now();
const dump = await db.dumpDataDir('none');
console.log('dump', Date.now() - t, dump.size);
t = Date.now();
const db2 = await PGlite.create({ extensions: { pg_trgm, unaccent }, loadDataDir: dump });
console.log('load', Date.now() - t);
t = Date.now();
console.log((await db2.query(`select word_similarity('bahn','dong banh') ws`)).rows);
