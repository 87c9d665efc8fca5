using System.CommandLine;
using DrillRunner.Cli.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill serve [--urls URL]</c>: the HTTP API, Hangfire scheduler and metrics (settings in appsettings.json).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Address(es) to listen on, ';'-separated",
            DefaultValueFactory = _ => DrillRunner.ServerApp.DefaultUrl,
        };
        var command = new Command("serve", "Run the drill server: HTTP API, schedules (Hangfire), Prometheus metrics. Settings: appsettings.json section DrillRunner, or DrillRunner__* environment variables")
        {
            urls,
        };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var state = parse.GetValue(CommonOptions.StateDirectory);
            var app = DrillRunner.ServerApp.Create(parse.GetValue(urls), builder =>
            {
                if (state is not null)
                {
                    builder.Configuration.AddInMemoryCollection([new("DrillRunner:StateDirectory", state)]);
                }
            });
            try
            {
                await app.RunAsync();
                return ExitCodes.Pass;
            }
            catch (OptionsValidationException ex)
            {
                foreach (var failure in ex.Failures)
                {
                    Console.Error.WriteLine($"error: {failure}");
                }

                Console.Error.WriteLine("the server did not start: fix the DrillRunner settings (appsettings.json or DrillRunner__* environment variables)");
                return ExitCodes.InvalidInput;
            }
        }));
        return command;
    }
}
