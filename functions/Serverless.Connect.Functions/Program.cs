using Serverless.Connect.Functions;
using Serverless.Connect.Hosting.Kafka;

var builder = WebApplication.CreateSlimBuilder(args);
// The host gives the port only to the handler's own environment; 8080 is for running the handler by hand.
var port = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? "8080";
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
// The host copies the handler's output into its own log; per-request ASP.NET lines would double every invocation.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSingleton(TimeProvider.System);
// Every built-in sink; registering another SinkConnectorRegistry replaces the set.
builder.Services.AddSingleton(_ => BuiltInSinks.Create());
builder.Services.AddSingleton<SinkFunctionHost>();

var app = builder.Build();
// The host polls GET / until anything answers; nothing here waits for Kafka or a sink, so this answers at once.
app.MapGet("/", () => Results.Json(new { status = "ready" }));
app.MapPost("/{functionName}", InvocationEndpoint.HandleAsync);
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
