using Serverless.Connect.Cli;

return await ConnectCommandLine.RunAsync(args).ConfigureAwait(false);
