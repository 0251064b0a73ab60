import type { Assessment } from '@antoan/db';
import type { Template } from '@antoan/domain';
import { findTemplate } from '@antoan/templates';

/** The template version an assessment was made from; published versions never change, so this cannot fail later. */
export function templateOf(assessment: Pick<Assessment, 'templateId' | 'templateVersion'>): Template {
  const template = findTemplate(assessment.templateId, assessment.templateVersion);
  if (!template)
    throw new Error(`template ${assessment.templateId}@${assessment.templateVersion} is not published`);
  return template;
}
