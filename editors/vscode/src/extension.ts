// Starts `wijkmodulen lsp` for the YAML files of a knowledge base and connects VS Code to it.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function serverOptions(): ServerOptions {
  const configured = vscode.workspace.getConfiguration("wijkmodulen").get<string[]>("command");
  const [command, ...args] = configured && configured.length > 0 ? configured : ["wijkmodulen", "lsp"];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return { command, args, options: { cwd: folder } };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "yaml" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml}") },
  };
  client = new LanguageClient("wijkmodulen", "wijkmodulen", serverOptions(), clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("wijkmodulen.command") && client) {
        await client.stop();
        client = new LanguageClient("wijkmodulen", "wijkmodulen", serverOptions(), clientOptions);
        await client.start();
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
