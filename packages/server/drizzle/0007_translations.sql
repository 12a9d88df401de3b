CREATE TABLE "translations" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"lang" text NOT NULL,
	"name" text,
	"short" text,
	CONSTRAINT "translations_kind_key_lang_pk" PRIMARY KEY("kind","key","lang"),
	CONSTRAINT "translations_lang" CHECK ("translations"."lang" in ('en', 'vi', 'ar')),
	CONSTRAINT "translations_kind" CHECK ("translations"."kind" in ('framework', 'node', 'element', 'model', 'criterion', 'plan', 'target', 'region'))
);
