/** The tenant's sections as its staff manage them ({@link vn.cong.content.sections.Sections}). */
package vn.cong.content.sections;
