using System.Globalization;

namespace DrillRunner.Drivers;

/// <summary>A user of this machine, from <c>/etc/passwd</c>.</summary>
public sealed record UnixUser(string Name, int Uid, int Gid, string Home);

/// <summary>
/// Looks users up in <c>/etc/passwd</c> (the files database: users from LDAP or other NSS sources are not seen),
/// for services that name the user they run as.
/// </summary>
public static class UnixUsers
{
    public const string PasswdFile = "/etc/passwd";

    public static UnixUser? Find(string name, string passwdFile = PasswdFile)
    {
        if (!File.Exists(passwdFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(passwdFile))
        {
            var fields = line.Split(':');
            if (fields.Length >= 6 && fields[0] == name
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return new UnixUser(name, uid, gid, fields[5]);
            }
        }

        return null;
    }
}
