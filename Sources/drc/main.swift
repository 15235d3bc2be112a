import DRCCommands

Drc.runMain()
