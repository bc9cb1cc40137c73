export * from "./number_formats.ts";
