<#ftl output_format="plainText">
${date}

${agency.foil().title()}
${agency.name()}
<#if agency.foil().postalAddress()?has_content>${agency.foil().postalAddress()}
</#if>
<#if agency.regime().name() == "NY_FOIL">
Re: Freedom of Information Law request — ${title}

Dear ${agency.foil().title()}:

Under the New York Freedom of Information Law, Public Officers Law §87 et seq., I request copies of the following records:

${description}
<#if recordsFrom?? || recordsTo??>

This request covers records created <#if recordsFrom??>from ${recordsFrom}</#if><#if recordsFrom?? && recordsTo??> </#if><#if recordsTo??>through ${recordsTo}</#if>.
</#if>

I ask that the records be provided <#if electronic>in electronic form, by e-mail or through the Daylight portal, as Public Officers Law §89(3)(a) and §87(5) provide where the agency maintains them electronically<#else>as paper copies</#if>. If any portion is withheld, please release all reasonably segregable parts and cite the specific exemption under Public Officers Law §87(2) for each withholding.

As Public Officers Law §89(3)(a) requires, please grant or deny this request, or acknowledge its receipt in writing with an approximate date when it will be granted or denied, within five business days of receipt.
<#if feeWaiver?has_content>

Fees: ${feeWaiver}
</#if>
<#else>
Re: Freedom of Information Act request — ${title}

Dear ${agency.foil().title()}:

Under the Freedom of Information Act, 5 U.S.C. §552, I request copies of the following records:

${description}
<#if recordsFrom?? || recordsTo??>

This request covers records created <#if recordsFrom??>from ${recordsFrom}</#if><#if recordsFrom?? && recordsTo??> </#if><#if recordsTo??>through ${recordsTo}</#if>.
</#if>

I ask that the records be provided <#if electronic>in electronic form (5 U.S.C. §552(a)(3)(B))<#else>as paper copies</#if>. If any portion is withheld, please release all reasonably segregable parts and cite the exemption under 5 U.S.C. §552(b) for each withholding.

Please make a determination within 20 working days of receipt, as 5 U.S.C. §552(a)(6)(A)(i) requires.
<#if feeWaiver?has_content>

Fee waiver (5 U.S.C. §552(a)(4)(A)(iii)): ${feeWaiver}
</#if>
<#if expedite?has_content>

Expedited processing (5 U.S.C. §552(a)(6)(E)): ${expedite} I certify that this statement is true and correct to the best of my knowledge and belief.
</#if>
</#if>

This request was filed through Daylight, a public records portal; its progress is public at ${requestUrl}. Please reply to this message or answer in the portal.

Sincerely,

${requesterName}
Request ${number}
