using Serverless.Connect.Demo.Internal;

namespace Serverless.Connect.Demo;

/// <summary>
/// The entry point of <c>./connect demo</c>: starts the local services when needed, runs the design seed's pipeline
/// on them with live load, shows progress, and ends with a summary.
/// </summary>
public static class DemoRunner
{
    /// <summary>Runs the demo until <see cref="DemoOptions.Duration"/> has passed or <paramref name="cancellationToken"/> is cancelled (Ctrl-C).</summary>
    /// <param name="options">What to run.</param>
    /// <param name="output">Progress and the summary (the last line is <c>demo-summary {json}</c>).</param>
    /// <param name="error">Set-up messages and errors.</param>
    /// <param name="cancellationToken">Ends the load; the run then drains, stops everything it started and prints the summary.</param>
    /// <returns>0 when rows moved through every stage that ran; 1 otherwise, with the stage named.</returns>
    public static async Task<int> RunAsync(DemoOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        LocalServices? services = null;
        try
        {
            services = new LocalServices(options.RepositoryRoot ?? LocalServices.FindRepositoryRoot(), error);
            var environment = await services.EnsureUpAsync(options.NoInstall, cancellationToken);
            return await new DemoRun(options, environment, output, TimeProvider.System).RunAsync(cancellationToken);
        }
        catch (DemoException e)
        {
            await error.WriteLineAsync("connect demo: " + e.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("connect demo: stopped before the load started");
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anything else is a bug or an unusable service: say what failed rather than exit silently (the command
            // line treats an escaping OperationCanceledException as a quiet cancellation).
            await error.WriteLineAsync("connect demo: " + e);
            return 1;
        }
        finally
        {
            if (services is not null)
            {
                await services.StopIfStartedAsync();
            }
        }
    }
}
