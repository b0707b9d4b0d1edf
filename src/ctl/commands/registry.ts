// Every ctl verb, in one list: the dispatcher, `help` and tab completion all read it.

import { addCommand } from './add.js';
import { availCommand } from './avail.js';
import { clearCommand } from './clear.js';
import type { CtlCommand } from './command.js';
import { dashboardCommand, topCommand } from './dashboard.js';
import { eofCommand, exitCommand, quitCommand } from './exit.js';
import { fgCommand } from './fg.js';
import { helpCommand } from './help.js';
import { logsCommand } from './logs.js';
import { maintailCommand } from './maintail.js';
import { openCommand } from './open.js';
import { pidCommand } from './pid.js';
import { reloadCommand } from './reload.js';
import { removeCommand } from './remove.js';
import { rereadCommand } from './reread.js';
import { restartCommand } from './restart.js';
import { shutdownCommand } from './shutdown.js';
import { signalCommand } from './signal.js';
import { startCommand } from './start.js';
import { statusCommand } from './status.js';
import { stopCommand } from './stop.js';
import { tailCommand } from './tail.js';
import { updateCommand } from './update.js';
import { versionCommand } from './version.js';

export const COMMANDS: readonly CtlCommand[] = [
  addCommand,
  availCommand,
  clearCommand,
  dashboardCommand,
  eofCommand,
  exitCommand,
  fgCommand,
  helpCommand,
  logsCommand,
  maintailCommand,
  openCommand,
  pidCommand,
  quitCommand,
  reloadCommand,
  removeCommand,
  rereadCommand,
  restartCommand,
  shutdownCommand,
  signalCommand,
  startCommand,
  statusCommand,
  stopCommand,
  tailCommand,
  topCommand,
  updateCommand,
  versionCommand,
];
