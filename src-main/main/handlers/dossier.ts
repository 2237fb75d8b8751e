// Handlers for dossier export and import (the dossier issue fills these in).
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { HandlerDeps } from '../handlers';

export function createDossierHandlers(deps: HandlerDeps): Pick<Handlers, 'exportDossier' | 'importDossier'> {
  void deps;
  return {
    async exportDossier() {
      throw new AppError('unsupported', 'export is not available yet');
    },
    async importDossier({ name }) {
      throw new AppError('unsupported', `${name}: dossier import is not available yet`);
    },
  };
}
