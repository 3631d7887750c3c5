import MFAServerKit

await MFAServerCommand.launch()
