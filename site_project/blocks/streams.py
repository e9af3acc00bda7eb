"""The StreamBlocks each page type offers: one place to see which blocks fit where."""

from wagtail import blocks

from . import content, method


class BaseStreamBlock(blocks.StreamBlock):
    heading = content.HeadingBlock()
    paragraph = content.RichTextBlock()
    image = content.ImageWithCaptionBlock()
    quote = content.QuoteBlock()
    callout = content.CalloutBlock()
    key_points = content.KeyPointsBlock()
    embed = content.EmbedWithCaptionBlock()
    table = content.TableBlock()
    faq = content.FAQItemBlock()
    call_to_action = content.CallToActionBlock()
    references = content.ReferencesBlock()


class StandardStreamBlock(BaseStreamBlock):
    pass


class EssayStreamBlock(BaseStreamBlock):
    method_card = method.MethodCardBlock()


class MethodStreamBlock(BaseStreamBlock):
    when_to_use = method.WhenToUseBlock()
    steps = method.StepsBlock()
    strengths_limitations = method.StrengthsLimitationsBlock()
    case_study = method.CaseStudyBlock()
    cost_breakdown = method.CostBreakdownBlock()
    method_card = method.MethodCardBlock()


class PrincipleStreamBlock(BaseStreamBlock):
    indicators = method.IndicatorsBlock()
    barriers_enablers = method.BarriersEnablersBlock()
    questions = method.QuestionsBlock()
    practice_example = method.PracticeExampleBlock()
    method_card = method.MethodCardBlock()
