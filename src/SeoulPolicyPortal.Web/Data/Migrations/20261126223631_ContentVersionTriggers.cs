using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContentVersionTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite-only: published content moves ContentVersion by trigger, whoever writes it (Data/Versioning).
            foreach (var sql in Versioning.ContentVersionTriggers.SqliteCreate())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Versioning.ContentVersionTriggers.SqliteDrop())
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
