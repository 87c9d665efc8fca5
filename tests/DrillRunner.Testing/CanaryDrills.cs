namespace DrillRunner.Testing;

/// <summary>Drill files with a <c>canary</c> probe, for loader, engine and integration tests.</summary>
public static class CanaryDrills
{
    /// <summary>The canary's read path as a drill file writes it.</summary>
    public static string ReadPath(string shop = "${endpoints.shop}") =>
        "    read:\n"
        + $"      url: {shop}/orders/${{id}}\n"
        + "      expect:\n"
        + "        $.userId: canary-${runId}-${sequence}\n";

    /// <summary>The probe as a drill file lists it (under <c>probes:</c>); <paramref name="read"/> replaces the read path.</summary>
    public static string Probe(string shop = "${endpoints.shop}", string? read = null, string interval = "200ms") =>
        "  - name: orders-canary\n"
        + "    kind: canary\n"
        + $"    interval: {interval}\n"
        + "    timeout: 1s\n"
        + "    write:\n"
        + $"      url: {shop}/orders\n"
        + "      body: '{ \"productId\": 1, \"quantity\": 1, \"userId\": \"canary-${runId}-${sequence}\" }'\n"
        + "      idPath: $.id\n"
        + (read ?? ReadPath(shop));

    /// <summary>A drill whose only probe is <paramref name="probe"/>, with the given steps and objectives (YAML list items).</summary>
    public static string Drill(string probe, string steps = "", string objectives = "", string environment = "test-shop", string extra = "") =>
        "name: canary-drill\n"
        + $"environment: {environment}\n"
        + "preflight:\n  window: 1s\n  timeout: 10s\n"
        + "probes:\n" + probe
        + "steps:" + (steps.Length == 0 ? " []\n" : "\n" + steps)
        + "objectives:" + (objectives.Length == 0 ? " []\n" : "\n" + objectives)
        + "recovery:\n  consecutiveSamples: 3\n  deadline: 10s\n"
        + extra;
}
