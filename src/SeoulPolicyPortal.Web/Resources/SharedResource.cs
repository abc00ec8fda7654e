// Lives in the root namespace on purpose: ASP.NET Core finds Resources/SharedResource.{culture}.resx from the type's
// name relative to the assembly's root namespace.
namespace SeoulPolicyPortal.Web;

/// <summary>Marker for the one resource file set that holds every piece of interface text.</summary>
public sealed class SharedResource;
