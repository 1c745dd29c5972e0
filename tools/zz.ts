import { loadRightsModel, classifyRights } from '#domain/classify-rights.ts';
await loadRightsModel();
for (const t of process.argv.slice(2)) console.log(JSON.stringify(classifyRights(t)));
