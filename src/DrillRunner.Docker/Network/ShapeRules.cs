using System.Globalization;
using System.Net;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Network;

/// <summary>
/// The iptables rules of a shape. Incoming traffic is matched on every interface but the loopback (<c>! -i lo</c>),
/// outgoing likewise, so the container's own loopback and Docker's DNS on 127.0.0.11 are never touched.
/// </summary>
internal static class ShapeRules
{
    /// <summary>Loss: drop a random share of packets in the shape's direction(s).</summary>
    public static IReadOnlyList<IptablesRule> Loss(NetworkShape shape, string comment)
    {
        var probability = $"-m statistic --mode random --probability {shape.Loss.ToString("0.######", CultureInfo.InvariantCulture)}";
        return Directions(shape.Direction)
            .Select(d => Filter(d, $"{Match(d, shape.Port, peer: null)} {probability}", comment))
            .ToList();
    }

    /// <summary>Partition: drop everything (to a port, with a peer) in the shape's direction(s).</summary>
    public static IReadOnlyList<IptablesRule> Partition(NetworkShape shape, IReadOnlyList<IPAddress> peers, string comment) =>
        Directions(shape.Direction)
            .SelectMany(d => peers.Count == 0
                ? [Filter(d, Match(d, shape.Port, peer: null), comment)]
                : peers.Select(p => Filter(d, Match(d, shape.Port, p), comment)))
            .ToList();

    /// <summary>Delay: new incoming TCP connections (to the port, or all) go to the delay proxy listening in the namespace.</summary>
    public static IptablesRule Redirect(int? port, int proxyPort, string comment)
    {
        var to = port is { } p ? $" --dport {p.ToString(CultureInfo.InvariantCulture)}" : "";
        return new IptablesRule("nat", "PREROUTING", $"! -i lo -p tcp{to} -m comment --comment {comment} -j REDIRECT --to-ports {proxyPort.ToString(CultureInfo.InvariantCulture)}", comment);
    }

    private static IEnumerable<TrafficDirection> Directions(TrafficDirection direction) =>
        direction == TrafficDirection.Both ? [TrafficDirection.In, TrafficDirection.Out] : [direction];

    private static IptablesRule Filter(TrafficDirection direction, string match, string comment) =>
        new("filter", direction == TrafficDirection.In ? "INPUT" : "OUTPUT", $"{match} -m comment --comment {comment} -j DROP", comment);

    // In: what arrives for the instance (to its port, from the peer). Out: what it sends (from its port, to the peer).
    private static string Match(TrafficDirection direction, int? port, IPAddress? peer)
    {
        var inbound = direction == TrafficDirection.In;
        var text = inbound ? "! -i lo" : "! -o lo";
        if (peer is not null)
        {
            text += $" {(inbound ? "-s" : "-d")} {peer}/32";
        }

        if (port is { } p)
        {
            text += $" -p tcp {(inbound ? "--dport" : "--sport")} {p.ToString(CultureInfo.InvariantCulture)}";
        }

        return text;
    }
}
