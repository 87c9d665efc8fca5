using System.CommandLine;
using DrillRunner.Security;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill apikey hash KEY</c>: prints the SHA-256 hex to put in the server's configuration.</summary>
internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("key") { Description = "The API key to hash" };
        var hash = new Command("hash", "Print the hash of an API key for DrillRunner:ApiKeys:N:Hash") { key };
        hash.SetAction(parse => Console.WriteLine(ApiKeyHash.Compute(parse.GetValue(key)!)));
        return new Command("apikey", "API keys of the drill server") { hash };
    }
}
