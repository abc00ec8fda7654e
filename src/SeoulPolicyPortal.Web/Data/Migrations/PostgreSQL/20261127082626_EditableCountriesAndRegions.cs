using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class EditableCountriesAndRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsArchived",
                table: "Regions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SeedKey",
                table: "Regions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "Regions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "Regions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Regions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "Countries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsArchived",
                table: "Countries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SeedKey",
                table: "Countries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "Countries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "Countries",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Countries",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_SeedKey",
                table: "Regions",
                column: "SeedKey",
                unique: true);

            // Country.IdOf in SQL: the code's place among AA…ZZ, so each country's number is the same on every database.
            migrationBuilder.Sql(
                "UPDATE \"Countries\" SET \"Id\" = (ascii(substr(\"Code\", 1, 1)) - 65) * 26 + ascii(substr(\"Code\", 2, 1)) - 65 + 1;");

            migrationBuilder.CreateIndex(
                name: "IX_Countries_Id",
                table: "Countries",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Countries_SeedKey",
                table: "Countries",
                column: "SeedKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Regions_SeedKey",
                table: "Regions");

            migrationBuilder.DropIndex(
                name: "IX_Countries_Id",
                table: "Countries");

            migrationBuilder.DropIndex(
                name: "IX_Countries_SeedKey",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "IsArchived",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "SeedKey",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "IsArchived",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "SeedKey",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "Countries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Countries");
        }
    }
}
