namespace SeoulPolicyPortal.Web.Areas.Admin;

/// <summary>
/// The app's command-line verb for accounts, run instead of the web server:
/// <c>dotnet SeoulPolicyPortal.Web.dll admin set-user --email someone@example.org --role Editor</c>.
/// The password comes from PORTAL_USER_PASSWORD or the first line of standard input, never from the command line,
/// where it would stay in shell history and the process list.
/// </summary>
public static class AdminCommand
{
    public const string Verb = "admin";
    public const string PasswordVariable = "PORTAL_USER_PASSWORD";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        if (args.Length < 2 || args[1] != "set-user")
        {
            await output.WriteLineAsync(Usage);
            return args.Length >= 2 && args[1] is "help" or "--help" ? 0 : 2;
        }

        var email = Option(args, "--email");
        var role = Option(args, "--role") ?? AdminRoles.Editor;
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync("Missing --email.");
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Password for {email} (or set {PasswordVariable}):");
            password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        }

        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password given; nothing was changed.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var (created, errors) = await AdminSetup.SetUserAsync(scope.ServiceProvider, email, password, role, "command line");
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await output.WriteLineAsync(error);
            }

            await output.WriteLineAsync("Nothing was changed.");
            return 1;
        }

        await output.WriteLineAsync(created
            ? $"Created {email} with the role {role}."
            : $"Reset the password of {email}, set its role to {role} and lifted any lockout.");
        return 0;
    }

    public const string Usage = """
        Usage: dotnet SeoulPolicyPortal.Web.dll admin set-user --email <email> [--role Admin|Publisher|Editor]
          Creates the user, or resets its password and role and lifts a lockout.
          The password is read from the PORTAL_USER_PASSWORD environment variable or the first line of standard input.
        """;

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
