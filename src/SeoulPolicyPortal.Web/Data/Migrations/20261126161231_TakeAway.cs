using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TakeAway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAtUtc",
                table: "ContentVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // An existing database's content is dated from the upgrade: the time it last changed is not known.
            migrationBuilder.Sql("UPDATE \"ContentVersions\" SET \"ChangedAtUtc\" = strftime('%Y-%m-%d %H:%M:%f', 'now');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangedAtUtc",
                table: "ContentVersions");
        }
    }
}
